package io.github.zegoaiagent.client.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector of shared/reference/zego-token04.md §4, byte for byte, plus the input rules of §3. */
class Token04Test {

  /** The common inputs of §4 (V1..V4). The payload argument is null when "not passed". */
  record Inputs(long appId, String userId, String secret, long seconds, String payload, long ctime) { }

  static final Inputs V1 = new Inputs(1, "demo", "fa94dd0f974cf2e293728a526b028271", 3600, null, 1700000000L);
  static final Inputs V2 = new Inputs(123456789, "user_001", "12345678900987654321123456789012", 86400,
      "{\"room_id\":\"demo\",\"privilege\":{\"1\":1,\"2\":0},\"stream_id_list\":null}", 1712345678L);
  static final Inputs V3 = new Inputs(4294967295L, "Zoë-用户", "abcdefghijklmnopqrstuvwxyz012345", 600,
      "{\"room_id\":\"room-42\",\"privilege\":{\"1\":1,\"2\":1},\"stream_id_list\":[\"s123\",\"stream_b\"]}", 1735689600L);
  static final Inputs V4 = new Inputs(1000000001, "u".repeat(64), "0123456789abcdef0123456789abcdef", 1,
      "hello \"token\" \\ /", 1L);

  static Stream<Arguments> vectors() {
    return Stream.of(
        // name, inputs, variant, nonce, IV bytes, expected token, body length, ctLen, plaintext length
        Arguments.of("V1 CBC", V1, Token04Variant.CBC, 123456789, ascii("0123456789abcdef"),
            "04AAAAAGVT/xAAEDAxMjM0NTY3ODlhYmNkZWYAcPDOWcZeMCPxbh1dpHzCTREIwK2oIO5x78Qlcu9iUMPYkqBI5TvjB3JwCxC9+klE8/eu//t2uE7+o7gQ53yB/JkIFUA6xyD5rb5rd5NER5knvdDJH2auGOam8ZKJG5qT/1t+UUUnbL8ghIsUgkbwAAg=",
            140, 112, 99),
        Arguments.of("V2 CBC", V2, Token04Variant.CBC, 1, ascii("zegocloudtoken04"),
            "04AAAAAGYRo84AEHplZ29jbG91ZHRva2VuMDQAwCXBhcThLKyxsxqtXyOYN3ieUZ20Nop4a7gAsGpqCok2fOIq8N9eLM6JXz2YTisqhRHZbcsQInLBkBry88e0kyBLrDkF/qnvr7XcfCOXVlo5PK8YxJ66fwqgu0m50TQbMDKFyi7nkWx0hqJAblySYSTZwkLHN4jMTVz1wz5qTNioouO6R8riq+2P7AZoOYhSWyPRU+Ya1vi3bdWqPyQzqgZvekjYeVni4J8aON6XgXHxW8TA2rKp7CB56r4ByVKtWg==",
            220, 192, 181),
        Arguments.of("V3 CBC", V3, Token04Variant.CBC, 2147483647, ascii("aaaaaaaaaaaaaaaa"),
            "04AAAAAGd0h9gAEGFhYWFhYWFhYWFhYWFhYWEA4KvwcsaVpDj3wTTwUMkgwbRdw0vOGFFjjhU5lBblLYClcmmByKDIgHZyFgnofvwSVLKOkzNiJRhEn4xaW5G6SlMibCOlfLFb+CKgmLDqyVdD4ZweI8hsfptvTJTVWIW5AEZMVcycO91peI8gWxeJ7GSYS9D1OmjD+BnHL80rj854CxyScEBqGwA12XLXCPWfq/35QUVfGBsFFHa/UWwlcygfKrc/VcQULaCgzOQxc+wv7tyatKtjgDQkzEufInt9/8YtWUVDfrG/RgfTnN2S14HhJ2E2JeOFuL5dgo/duyK8",
            252, 224, 216),
        Arguments.of("V4 CBC", V4, Token04Variant.CBC, 987654321, ascii("k3j9x0q7m2w8v5r1"),
            "04AAAAAAAAAAIAEGszajl4MHE3bTJ3OHY1cjEAsOOvLXPUzeFKAs0S6Vf321qe35yyPa2O8gz32NBPRfZ97wQoOuxb4S9m12DMUKCXxiTiVb4fs0u6UrE0aoSEiSnMdD/rVQQ4De+daXQUitiEscYLgNC4nbvxHeWdYLLi9gBzX7xvUY8jxEYjU0RA+I9kU6BFjGeCvrNpP3gAkOclon8EcuNDM9qtMFrjey0SjnLeBFcJ7X/HoRRR2nktAp3BRDEV0QiqCml+QvkgUz/q",
            204, 176, 170),
        Arguments.of("V1 GCM", V1, Token04Variant.GCM, 123456789, hex("000102030405060708090a0b"),
            "04AAAAAGVT/xAADAABAgMEBQYHCAkKCwBzlo4HRoGUdkuLbKIoOhbZY6YpcMaBTLWHRtiSNdXNuWkV2JYrMFwLwjjq6aFvxM5vMUW1ucoWpme7Vck+JCYUW5+rbF2LagnFZkRVec2ODtmU4F4kKEo7U2F+thJs5COIYlau+pkGhJGWuIAhD9RBltNqvwE=",
            140, 115, 99),
        Arguments.of("V2 GCM", V2, Token04Variant.GCM, -1, hex("ffeeddccbbaa998877665544"),
            "04AAAAAGYRo84ADP/u3cy7qpmId2ZVRADGPxvMmmHuEcFZq16IL0merZKxqBvSbRp6qiaN5af3rC1bcphjFcjAPnELRl/sqPVTAzuGkD/Lcy3GksPSUDCR8DtfWWFg0pQcuXx5GUGmVlriw9jQDtKdNeietA1CGr0sJSh5o1ZTA6cCQp+WyKiQ/HAWbfy9kJ344vN+A3XdrLAzaN/k4TbDmOZIOzPZhLobQGgYcvurkjFQQ2inFfCtdqLRAsHZezD0JTNB3aD8dWeuKCT9s4g4edKi0Bf4Qi53JerqUeHLAQ==",
            223, 198, 182),
        Arguments.of("V3 GCM", V3, Token04Variant.GCM, -2147483648, hex("000000000000000000000000"),
            "04AAAAAGd0h9gADAAAAAAAAAAAAAAAAADpOH/evTbEMixUBySGUhbHMHw3DX0j/y/SVEliQ2JtC8xe/wkm7Hi1LD574Wvd3WJzag9btK6eUqDBWPUn7wBsLH4TQJR7fqo9YZE5pXRSfEblvid4rdre4oexwljEwBGAv5GczNprnkmodwU9aN1cRTzRLXOhMKZrVF42vgO/mVctYyvXBC0ZdFmZkYg0NR/Y1AKPUqvlcI+n2S87cUhiPzgJq8Fig9nY8pwe39ZpcxOuhaAztkaqKmhVDUlFOE8nk3KIZ5o0ibO2mZAr9f+p2P0qBD9PZ+RZfmnexnbgGdDWyS3wSqbjNZQB",
            258, 233, 217),
        Arguments.of("V4 GCM", V4, Token04Variant.GCM, 2147483647, hex("5a45474f434c4f5544303421"),
            "04AAAAAAAAAAIADFpFR09DTE9VRDA0IQC7yIZRpy8Ho5+Zdb6pg5IbNY8zJQ2pGbLqj0dLrCUk5kkmKkRMUIvKRaVvIl5hlsPHufi4+gZpfgZuoMvlI97i8TrBUJxS03XLVhXmGjapDC9aH2tkDWl9lOKYDkCpeiosEnpfro83UZnO9YRtkp90yxe3rfGTL11aOtjTRKXTGUa+/aUH094WoA6fgHEIlxsHarWxnL5/WuXaUkGGEuk0lzOEKLGuawtEJaczyAnqzbTBJ+W1ydLvxEoHXAE=",
            212, 187, 171));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  private static Token04Generator generator(Inputs in, Token04Variant variant, int nonce, byte[] iv) {
    // The vectors were made at ctime*1000 + 999 ms: sub-second time is floored away.
    Clock clock = Clock.fixed(Instant.ofEpochMilli(in.ctime() * 1000 + 999), ZoneOffset.UTC);
    return Token04Generator.builder().appId(in.appId()).serverSecret(in.secret()).variant(variant).clock(clock)
        .randomness(TokenRandomness.fixed(nonce, iv)).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void reproducesTheReferenceVectorByteForByte(String name, Inputs in, Token04Variant variant, int nonce, byte[] iv,
      String expected, int bodyLength, int ctLength, int plaintextLength) {
    Token04Generator generator = generator(in, variant, nonce, iv);
    String token = in.payload() == null
        ? generator.generate(in.userId(), Duration.ofSeconds(in.seconds()))
        : generator.generate(in.userId(), Duration.ofSeconds(in.seconds()), in.payload());
    assertThat(token).isEqualTo(expected);

    byte[] body = Base64.getDecoder().decode(token.substring(2));
    assertThat(body).hasSize(bodyLength);
    assertThat(((body[10 + iv.length] & 0xff) << 8) | (body[11 + iv.length] & 0xff)).isEqualTo(ctLength);

    DecodedToken04 decoded = Token04.decode(token, in.secret());
    assertThat(decoded.variant()).isEqualTo(variant);
    assertThat(decoded.plaintext().getBytes(StandardCharsets.UTF_8)).hasSize(plaintextLength);
    assertThat(decoded.ivHex()).isEqualTo(HexFormat.of().formatHex(iv));
    assertThat(decoded.appId()).isEqualTo(in.appId());
    assertThat(decoded.userId()).isEqualTo(in.userId());
    assertThat(decoded.nonce()).isEqualTo(nonce);
    assertThat(decoded.ctime()).isEqualTo(in.ctime());
    assertThat(decoded.expire()).isEqualTo(in.ctime() + in.seconds()).isEqualTo(decoded.headerExpire());
    assertThat(decoded.payload()).isEqualTo(in.payload() == null ? "" : in.payload());
  }

  @Test
  void plaintextIsTheDocumentedJson() {
    String token = generator(V4, Token04Variant.CBC, 987654321, ascii("k3j9x0q7m2w8v5r1"))
        .generate(V4.userId(), Duration.ofSeconds(1), V4.payload());
    assertThat(Token04.decode(token, V4.secret()).plaintext()).isEqualTo("{\"app_id\":1000000001,\"user_id\":\""
        + "u".repeat(64) + "\",\"nonce\":987654321,\"ctime\":1,\"expire\":2,\"payload\":\"hello \\\"token\\\" \\\\ /\"}");
  }

  @Test
  void privilegePayloadsAreTheVectorsPayloads() {
    RtcPrivilege v2 = RtcPrivilege.builder().roomId("demo").loginRoom(true).publishStream(false).build();
    RtcPrivilege v3 = RtcPrivilege.builder().roomId("room-42").loginRoom(true).publishStream(true)
        .streamIds(List.of("s123", "stream_b")).build();
    assertThat(v2.toPayload()).isEqualTo(V2.payload());
    assertThat(v3.toPayload()).isEqualTo(V3.payload());
    assertThat(RtcPrivilege.builder().roomId("").publishStream(true).build().toPayload())
        .isEqualTo("{\"room_id\":\"\",\"privilege\":{\"2\":1},\"stream_id_list\":null}");
    // The typed payload gives the same token as the vector's payload string.
    String typed = generator(V3, Token04Variant.GCM, -2147483648, new byte[12])
        .generate(V3.userId(), Duration.ofSeconds(600), v3);
    assertThat(typed).isEqualTo(generator(V3, Token04Variant.GCM, -2147483648, new byte[12])
        .generate(V3.userId(), Duration.ofSeconds(600), V3.payload()));
    assertThatThrownBy(() -> RtcPrivilege.builder().roomId("r").build()).hasMessageContaining("loginRoom or publishStream");
    assertThatThrownBy(() -> RtcPrivilege.builder().loginRoom(true).build()).hasMessageContaining("roomId");
  }

  @Test
  void escapesLikeTheReferenceGenerator() {
    StringBuilder out = new StringBuilder();
    TokenJson.string(out, "a\"b\\c/d\n\t\u0001é用😀\ud800x");
    assertThat(out).hasToString("\"a\\\"b\\\\c/d\\n\\t\\u0001é用😀\\ud800x\"");
  }

  @Test
  void staticEntryPointIssuesAFreshGcmTokenEachTime() {
    String secret = V1.secret();
    long before = Instant.now().getEpochSecond();
    String a = Token04.generate(42, "user_1", secret, Duration.ofHours(1));
    String b = Token04.generate(42, "user_1", secret, Duration.ofHours(1));
    assertThat(a).isNotEqualTo(b).startsWith("04");
    DecodedToken04 decoded = Token04.decode(a, secret);
    assertThat(decoded.variant()).isEqualTo(Token04Variant.GCM);
    assertThat(decoded.ctime()).isBetween(before, Instant.now().getEpochSecond());
    assertThat(decoded.expire() - decoded.ctime()).isEqualTo(3600);
    assertThat(decoded.payload()).isEmpty();
    DecodedToken04 strict = Token04.decode(Token04.generate(42, "user_1", secret, Duration.ofMinutes(5),
        RtcPrivilege.builder().roomId("room_1").loginRoom(true).build()), secret);
    assertThat(strict.payload()).isEqualTo("{\"room_id\":\"room_1\",\"privilege\":{\"1\":1},\"stream_id_list\":null}");
  }

  @Test
  void refusesInvalidInputsWithTheVendorReasons() {
    String secret = V1.secret();
    Duration hour = Duration.ofHours(1);
    assertThat(reason(() -> Token04.generate(0, "u", secret, hour))).isEqualTo(Token04Exception.Reason.APP_ID);
    assertThat(reason(() -> Token04.generate(-5, "u", secret, hour))).isEqualTo(Token04Exception.Reason.APP_ID);
    assertThat(reason(() -> Token04.generate(4294967296L, "u", secret, hour))).isEqualTo(Token04Exception.Reason.APP_ID);
    assertThat(reason(() -> Token04.generate(1, null, secret, hour))).isEqualTo(Token04Exception.Reason.USER_ID);
    assertThat(reason(() -> Token04.generate(1, "", secret, hour))).isEqualTo(Token04Exception.Reason.USER_ID);
    assertThat(reason(() -> Token04.generate(1, "u".repeat(65), secret, hour))).isEqualTo(Token04Exception.Reason.USER_ID);
    assertThat(reason(() -> Token04.generate(1, "u", secret.substring(1), hour))).isEqualTo(Token04Exception.Reason.SERVER_SECRET);
    // 32 characters but 33 UTF-8 bytes: the reference code fails inside the cipher; we refuse it clearly.
    assertThat(reason(() -> Token04.generate(1, "u", "é" + secret.substring(1), hour))).isEqualTo(Token04Exception.Reason.SERVER_SECRET);
    assertThat(reason(() -> Token04.generate(1, "u", null, hour))).isEqualTo(Token04Exception.Reason.SERVER_SECRET);
    assertThat(reason(() -> Token04.generate(1, "u", secret, Duration.ZERO))).isEqualTo(Token04Exception.Reason.VALIDITY);
    assertThat(reason(() -> Token04.generate(1, "u", secret, Duration.ofSeconds(-1)))).isEqualTo(Token04Exception.Reason.VALIDITY);
    assertThat(reason(() -> Token04.generate(1, "u", secret, Duration.ofMillis(1500)))).isEqualTo(Token04Exception.Reason.VALIDITY);
    assertThat(reason(() -> Token04.generate(1, "u", secret, null))).isEqualTo(Token04Exception.Reason.VALIDITY);
    assertThat(reason(() -> Token04.generate(1, "u", secret, Duration.ofSeconds(Long.MAX_VALUE)))).isEqualTo(Token04Exception.Reason.VALIDITY);
    assertThat(reason(() -> Token04Generator.builder().appId(1).serverSecret(secret).build()
        .generate("u", hour, "x".repeat(70_000)))).isEqualTo(Token04Exception.Reason.CONTENT_TOO_LONG);
    Token04Exception e = catchThrowableOfType(Token04Exception.class, () -> Token04.generate(1, "u", secret.substring(1), hour));
    assertThat(e).hasMessageContaining("32 bytes").hasMessageNotContaining(secret.substring(1));
    assertThat(e.reason().vendorCode()).isEqualTo(5);
  }

  private static Token04Exception.Reason reason(Runnable call) {
    return catchThrowableOfType(Token04Exception.class, call::run).reason();
  }

  @Test
  void decodeRefusesForeignAndDamagedTokens() {
    String token = Token04.generate(7, "user", V1.secret(), Duration.ofMinutes(1));
    assertThat(reason(() -> Token04.decode(token, V2.secret()))).isEqualTo(Token04Exception.Reason.MALFORMED_TOKEN);
    assertThat(reason(() -> Token04.decode("03" + token.substring(2), V1.secret()))).isEqualTo(Token04Exception.Reason.MALFORMED_TOKEN);
    assertThat(reason(() -> Token04.decode("04@@", V1.secret()))).isEqualTo(Token04Exception.Reason.MALFORMED_TOKEN);
    assertThat(reason(() -> Token04.decode("04AAAA", V1.secret()))).isEqualTo(Token04Exception.Reason.MALFORMED_TOKEN);
    byte[] body = Base64.getDecoder().decode(token.substring(2));
    body[body.length - 1] = 2; // unknown mode byte
    assertThat(catchThrowableOfType(Token04Exception.class,
        () -> Token04.decode("04" + Base64.getEncoder().encodeToString(body), V1.secret())))
        .hasMessageContaining("unexpected bytes");
    body[body.length - 1] = 1;
    body[30] ^= 1; // tampered ciphertext: the GCM tag no longer matches
    assertThat(catchThrowableOfType(Token04Exception.class,
        () -> Token04.decode("04" + Base64.getEncoder().encodeToString(body), V1.secret())))
        .hasMessageContaining("does not decrypt");
  }

  @Test
  void neverPrintsTheSecret() {
    Token04Generator g = Token04Generator.builder().appId(1).serverSecret(V1.secret()).build();
    assertThat(g.toString()).doesNotContain(V1.secret()).contains("***");
    assertThat(Token04Generator.builder().serverSecret(V1.secret()).toString()).doesNotContain(V1.secret());
  }
}
