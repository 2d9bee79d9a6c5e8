package io.github.zegoaiagent.mock.internal.drift;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.contract.Action;
import io.github.zegoaiagent.contract.ReturnCode;
import io.github.zegoaiagent.mock.internal.decode.BodyDecoder;
import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import io.github.zegoaiagent.mock.internal.validate.RequestValidator;
import io.github.zegoaiagent.mock.internal.validate.Tolerance;
import io.github.zegoaiagent.mock.values.Drift;
import io.github.zegoaiagent.mock.values.DriftKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds one exchange (request, answer) to both faces of the contract (ADR 0004) and the envelope
 * rules, and says where it differs ({@link Drift}):
 *
 * <ul>
 *   <li><b>Answer</b>: HTTP 200 with a JSON object; its {@code Code} listed in
 *       {@code x-zego-return-codes} and, unless {@code scope: all} or a gateway code, in the
 *       action's {@code x-zego-errors}; the body against the action's response schema on the
 *       tolerant face (extra fields, unlisted enum values, missing required fields, wrong types,
 *       constraints, assumed constraints told apart).
 *   <li><b>Request</b>: the body against the tolerant face (what the mock accepts: optional nulls
 *       and unknown fields read as absent, legacy values accepted) and the strict face (the
 *       schemas as written, no null, no unknown field: what this project's client sends). The
 *       service's verdict is read from the Code: 0 accepted, 410000003/410000004 refused, any
 *       other Code says nothing about the body. A disagreement between the tolerant face and the
 *       service is drift; a request only the tolerant face accepts, and the service too, is a
 *       {@link Tolerated} use of a rule.
 * </ul>
 * Thread-safe; no state of its own.
 */
public final class ExchangeCheck {
  private static final int MAX_QUOTED = 120;

  private final Contract contract;
  private final RequestValidator requests;
  private final BodyDecoder decoder;
  private final DocumentSchemas documents;
  private final ObjectMapper mapper;
  private final String envelopePointer = "/components/schemas/ResponseEnvelope";

  /** A request accepted only thanks to a tolerance rule. @param rule the rule @param where the first place */
  public record Tolerated(String rule, String where) { }

  /**
   * What an exchange showed.
   *
   * @param drift the differences
   * @param tolerated tolerance rules the request needed (when the service accepted it)
   * @param code the answer's Code, or null when it had none
   */
  public record Verdict(List<Drift> drift, List<Tolerated> tolerated, Integer code) {
    /** Copies the lists. */
    public Verdict {
      drift = List.copyOf(drift);
      tolerated = List.copyOf(tolerated);
    }
  }

  /** @param contract the contract */
  public ExchangeCheck(Contract contract) {
    this.contract = contract;
    Map<String, String> paths = new LinkedHashMap<>();
    contract.model().actions().forEach(a -> paths.put(a.name(), a.request().pointer()));
    this.requests = new RequestValidator(paths);
    this.mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
    this.decoder = new BodyDecoder(mapper);
    this.documents = new DocumentSchemas(contract);
  }

  /**
   * @param action the request's Action (null when it had none)
   * @param body the request body as sent
   * @param status the answer's HTTP status
   * @param answer the answer body as received
   * @return what differs from the contract
   */
  public Verdict exchange(String action, byte[] body, int status, byte[] answer) {
    List<Drift> drift = new ArrayList<>();
    String label = Names.action(action);
    Optional<Action> known = action == null ? Optional.empty() : contract.model().findAction(action);
    JsonNode answered = envelope(label, status, answer, drift);
    Integer code = answered == null ? null : codeOf(answered);
    if (answered != null) {
      if (known.isPresent()) {
        drift.addAll(documents.check(known.get().response().pointer(), answered, label));
        codeListed(known.get(), code, label, drift);
      } else {
        drift.addAll(documents.checkEnvelope(envelopePointer, answered, label));
        if (code != null && code == Codes.SUCCESS && action != null && !action.isEmpty()) {
          drift.add(new Drift(DriftKind.UNDOCUMENTED_ACTION, label, "", "Code 0 for the Action " + label
              + ", which the contract does not list"));
        }
      }
    }
    List<Tolerated> tolerated = new ArrayList<>();
    if (known.isPresent() && code != null) {
      request(known.get().name(), label, body, answered, code, drift, tolerated);
    }
    return new Verdict(drift, tolerated, code);
  }

  /** @return the answer as an envelope object, or null after noting why it is none */
  private JsonNode envelope(String label, int status, byte[] answer, List<Drift> drift) {
    if (status != 200) {
      drift.add(new Drift(DriftKind.NOT_AN_ENVELOPE, label, "", "HTTP " + status + " (" + answer.length
          + " bytes); every answer is HTTP 200 with an envelope"));
      return null;
    }
    return DocumentSchemas.object(mapper, answer, label, drift);
  }

  private static Integer codeOf(JsonNode answer) {
    JsonNode c = answer.get("Code");
    return c != null && c.isIntegralNumber() && c.canConvertToInt() ? c.intValue() : null;
  }

  private void codeListed(Action action, Integer code, String label, List<Drift> drift) {
    if (code == null || code == Codes.SUCCESS) {
      return;
    }
    Optional<ReturnCode> rc = contract.returnCode(code);
    if (rc.isEmpty()) {
      drift.add(new Drift(DriftKind.UNDOCUMENTED_CODE, label, "Code", "Code " + code + " is not in x-zego-return-codes"));
    } else if (!rc.get().anyAction() && !"gateway".equals(rc.get().layer()) && !action.errors().contains(code)) {
      drift.add(new Drift(DriftKind.CODE_NOT_LISTED_FOR_ACTION, label, "Code", "Code " + code + " ("
          + rc.get().name() + ") is not in " + label + "'s x-zego-errors"));
    }
  }

  private void request(String action, String label, byte[] body, JsonNode answer, int code, List<Drift> drift,
      List<Tolerated> tolerated) {
    boolean accepted = code == Codes.SUCCESS;
    boolean refused = code == Codes.INVALID_PARAMETER || code == Codes.JSON_PARSE_FAILED;
    if (!accepted && !refused) {
      return; // the Code says nothing about the body (gateway, state, not found, ...)
    }
    String tolerantProblem;
    Tolerance.Inspected inspected = null;
    try {
      inspected = requests.inspect(action, decoder.decode(body));
      requests.validate(action, inspected.body());
      tolerantProblem = null;
    } catch (ApiError e) {
      tolerantProblem = e.getMessage();
    }
    if (accepted && tolerantProblem != null) {
      drift.add(new Drift(DriftKind.ACCEPTED_BUT_CONTRACT_REFUSES, label, "body", "Code 0, but the contract refuses: "
          + clip(tolerantProblem)));
    } else if (refused && tolerantProblem == null) {
      drift.add(new Drift(DriftKind.REFUSED_BUT_CONTRACT_ACCEPTS, label, "body", "Code " + code
          + ", but the contract accepts the request; the service said: "
          + clip(Names.text(answer.path("Message").asText(""), Secrets.values(body, mapper)))));
    } else if (accepted) {
      strictFace(action, inspected, body, tolerated);
    }
  }

  /** What only the tolerant face accepted, though the service did too. */
  private void strictFace(String action, Tolerance.Inspected inspected, byte[] body, List<Tolerated> tolerated) {
    if (!inspected.unknownFields().isEmpty()) {
      tolerated.add(new Tolerated("unknownProperties", inspected.unknownFields().get(0)));
    }
    for (String l : inspected.legacy()) {
      tolerated.add(new Tolerated("legacyValues", l));
    }
    try {
      requests.validate(action, decoder.decode(body)); // as sent: a null breaks the strict face
    } catch (ApiError e) {
      tolerated.add(new Tolerated("nullMeansAbsent", clip(e.getMessage())));
    }
  }

  static String clip(String s) {
    return s.length() <= MAX_QUOTED ? s : s.substring(0, MAX_QUOTED) + "…";
  }
}
