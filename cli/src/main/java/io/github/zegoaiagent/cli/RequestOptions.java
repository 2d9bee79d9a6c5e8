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
      description = "Set a body property, typed: a string in the request schema stays a string; else true/false/null,"
          + " numbers, {...} and [...] are JSON; @file reads the value; a dotted KEY nests (RTC.RoomId=room_1)")
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
  /**
   * @param action a known action
   * @param dottedKey a property path, e.g. {@code RTC.RoomId}
   * @return whether the action's request schema types the property a string (false when it does
   *     not know the property)
   */
  static boolean isString(String action, String dottedKey) {
    io.github.zegoaiagent.contract.ZegoContract c = io.github.zegoaiagent.contract.ZegoContract.load();
    com.fasterxml.jackson.databind.JsonNode schema = c.node(c.action(action).request().target());
    for (String part : dottedKey.split("\\.")) {
      schema = resolve(c, resolve(c, schema).path("properties").path(part));
      if (schema.isMissingNode()) {
        return false;
      }
    }
    return "string".equals(schema.path("type").asText());
  }

  private static com.fasterxml.jackson.databind.JsonNode resolve(io.github.zegoaiagent.contract.ZegoContract c,
      com.fasterxml.jackson.databind.JsonNode schema) {
    com.fasterxml.jackson.databind.JsonNode s = schema;
    for (int hops = 0; s.has("$ref") && hops < 10; hops++) {
      s = c.node(s.get("$ref").asText().substring(1));
    }
    return s;
  }

  SignedRequest sign(Main.Context ctx) {
    String act = SignedRequest.action(action);
    long appId = credentials.appId(ctx.env());
    String secret = credentials.serverSecret(ctx.env());
    URI base = endpoint.baseUrl(ctx.env());
    byte[] bytes = RequestBody.build(body, fields, rawFields, ctx.in(), key -> isString(act, key));
    return SignedRequest.sign(base, act, appId, secret, SignedRequest.timestamp(endpoint.timestamp, base), bytes);
  }
}
