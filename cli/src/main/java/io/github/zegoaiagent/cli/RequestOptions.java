package io.github.zegoaiagent.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code call} and {@code sign} share: the action, the body, the credentials and the endpoint. */
final class RequestOptions {
  @Parameters(index = "0", paramLabel = "ACTION", description = "The action, e.g. ListAgents (case matters)")
  String action;

  @Parameters(index = "1", arity = "0..1", paramLabel = "JSON|@FILE|@-",
      description = "The body: a JSON object, @file, or @- for standard input (default {})")
  String body;

  @Option(names = {"-F", "--field"}, paramLabel = "KEY=VALUE",
      description = "Set a body property, typed: true/false/null, numbers, {...} and [...] are JSON,"
          + " @file reads the value; a dotted KEY nests (RTC.RoomId=room_1)")
  List<String> fields = new ArrayList<>();

  @Option(names = {"-f", "--raw-field"}, paramLabel = "KEY=VALUE", description = "Set a body property as a string")
  List<String> rawFields = new ArrayList<>();

  @Mixin
  CredentialOptions credentials = new CredentialOptions();

  @Mixin
  EndpointOptions endpoint = new EndpointOptions();

  /**
   * Checks everything and signs; nothing is sent.
   *
   * @param ctx the environment and standard input
   * @return the signed request
   * @throws UsageException for anything the tool cannot use, before anything is sent
   */
  SignedRequest sign(Main.Context ctx) {
    String act = SignedRequest.action(action);
    long appId = credentials.appId(ctx.env());
    String secret = credentials.serverSecret(ctx.env());
    URI base = endpoint.baseUrl(ctx.env());
    byte[] bytes = RequestBody.build(body, fields, rawFields, ctx.in());
    return SignedRequest.sign(base, act, appId, secret, SignedRequest.timestamp(endpoint.timestamp, base), bytes);
  }
}
