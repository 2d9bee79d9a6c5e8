/**
 * Spring Boot tests against the mock server with one annotation,
 * {@link io.github.zegoaiagent.spring.test.AutoConfigureZegoMock}: one mock per application context,
 * the application's {@code zego.aiagent} beans pointed at it and following its clock, its callbacks
 * delivered to the application's endpoint on the actual port. Works on Spring Boot 4.x and 3.5.x.
 */
package io.github.zegoaiagent.spring.test;
