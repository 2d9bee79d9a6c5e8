package io.github.zegoaiagent.cli;

import io.github.zegoaiagent.client.token.RtcPrivilege;
import io.github.zegoaiagent.client.token.Token04;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code token <userId>}: issues a Token04, the token a user's client SDK logs into RTC rooms with. */
@Command(name = "token", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Issue a Token04 for a user (what the client SDK logs into the RTC room with).",
        "Needs the AppId and its ServerSecret only; nothing is sent anywhere."},
    footer = {"", "Examples",
        "  token user_1 --app-id 1234567890 --server-secret <secret>",
        "  token user_1 --validity 10m --room-id room_1 --publish   (a strict token for one room)"})
final class TokenCommand implements Callable<Integer> {
  private final Main.Context ctx;

  @Parameters(index = "0", paramLabel = "USER_ID", description = "The user ID (1 to 64 characters)")
  String userId;

  @Mixin
  CredentialOptions credentials = new CredentialOptions();

  @Option(names = "--validity", paramLabel = "DURATION", defaultValue = "1h",
      description = "How long it is valid from now, e.g. 10m, 1h, 1d (default ${DEFAULT-VALUE})")
  String validity;

  @Option(names = "--room-id", paramLabel = "ROOM",
      description = "A strict token for this room only (where ZEGO support enabled room authentication)")
  String roomId;

  @Option(names = "--publish", description = "With --room-id: the user may also publish streams")
  boolean publish;

  TokenCommand(Main.Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    long appId = credentials.appId(ctx.env());
    String secret = credentials.serverSecret(ctx.env());
    Duration valid = Durations.parse(validity, "--validity");
    if (publish && roomId == null) {
      throw new UsageException("--publish needs --room-id (privileges are per room)");
    }
    String token;
    try {
      token = roomId == null ? Token04.generate(appId, userId, secret, valid)
          : Token04.generate(appId, userId, secret, valid,
              RtcPrivilege.builder().roomId(roomId).loginRoom(true).publishStream(publish).build());
    } catch (IllegalArgumentException e) { // Token04Exception names the parameter
      throw new UsageException("cannot issue the token: " + Text.clip(e.getMessage()));
    }
    ctx.out().println(token);
    ctx.err().println("# Token04 for " + Text.clip(userId) + " of AppId " + appId + ", valid until "
        + Instant.now().plus(valid).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    return Main.Exit.OK;
  }
}
