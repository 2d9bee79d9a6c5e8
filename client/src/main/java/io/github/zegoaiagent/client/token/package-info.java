/**
 * ZEGOCLOUD "Token04" user tokens: what an end user's RTC (or ZIM) client SDK logs in with.
 * {@link io.github.zegoaiagent.client.token.Token04} issues them from the AppId and ServerSecret;
 * {@link io.github.zegoaiagent.client.token.RtcPrivilege} restricts a token to a room and to
 * login/publish rights ("strict" tokens, enabled per App by ZEGO support). JDK cryptography only.
 */
package io.github.zegoaiagent.client.token;
