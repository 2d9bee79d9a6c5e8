package io.github.zegoaiagent.cli;

import io.github.zegoaiagent.client.generated.Region;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where a request goes and with which Timestamp: {@code --endpoint URL} (the mock's Base URL, a
 * proxy) or {@code --region NAME} (one of the contract's access domains), or the variables
 * {@code ZEGO_ENDPOINT} / {@code ZEGO_REGION}; {@code --timestamp} signs with another time than
 * this machine's clock.
 */
final class EndpointOptions {
  static final String ENDPOINT_ENV = "ZEGO_ENDPOINT";
  static final String REGION_ENV = "ZEGO_REGION";

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "Base URL: the mock's (http://127.0.0.1:8080/) or the service's [" + ENDPOINT_ENV + "]")
  String endpoint;

  @Option(names = "--region", paramLabel = "NAME",
      description = "The service's access domain instead of --endpoint: ${COMPLETION-CANDIDATES} [" + REGION_ENV + "]",
      completionCandidates = RegionNames.class)
  String region;

  @Option(names = "--timestamp", paramLabel = "SECONDS|mock",
      description = "Sign with this Unix time instead of this machine's clock; `mock` reads the mock's clock"
          + " (GET /_mock/clock), for a mock started with a fixed --clock")
  String timestamp;

  /**
   * @param env the environment
   * @return the base URL, ending with {@code /}
   * @throws UsageException when neither or both are given, or a value is not usable
   */
  URI baseUrl(Map<String, String> env) {
    if (endpoint != null && region != null) {
      throw new UsageException("--endpoint and --region both name where to send: give one");
    }
    CredentialOptions.Sourced e = CredentialOptions.Sourced.of(endpoint, "--endpoint", env, ENDPOINT_ENV);
    CredentialOptions.Sourced r = CredentialOptions.Sourced.of(region, "--region", env, REGION_ENV);
    if (endpoint == null && region == null && e != null && r != null) {
      throw new UsageException(ENDPOINT_ENV + " and " + REGION_ENV + " are both set: unset one (or pass --endpoint or --region)");
    }
    if (e != null && region == null) {
      return endpoint(e);
    }
    if (r != null) {
      return region(r).baseUri().resolve("/");
    }
    throw new UsageException("no endpoint: pass --endpoint URL (the mock's Base URL, e.g. http://127.0.0.1:8080/)"
        + " or --region NAME for the service (" + String.join(", ", names()) + "), or set "
        + ENDPOINT_ENV + " or " + REGION_ENV);
  }

  private static URI endpoint(CredentialOptions.Sourced s) {
    URI u;
    try {
      u = URI.create(s.value().trim());
    } catch (IllegalArgumentException ex) {
      throw new UsageException("endpoint " + Text.clip(s.value()) + " (from " + s.source() + ") is not a URL");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
      throw new UsageException("endpoint " + Text.clip(s.value()) + " (from " + s.source()
          + ") must be an absolute http(s) URL such as http://127.0.0.1:8080/");
    }
    if (u.getRawQuery() != null || u.getRawFragment() != null) {
      throw new UsageException("endpoint " + Text.clip(s.value()) + " (from " + s.source()
          + ") must not carry a query: the tool adds ?Action=... itself");
    }
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    return URI.create(scheme + "://" + u.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
  }

  private static Region region(CredentialOptions.Sourced s) {
    String name = s.value().trim().toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return Region.valueOf(name);
    } catch (IllegalArgumentException ex) {
      String guess = io.github.zegoaiagent.contract.DidYouMean.closest(s.value().trim(), names());
      throw new UsageException("unknown region " + Text.clip(s.value()) + " (from " + s.source() + ")"
          + (guess != null ? "; did you mean " + guess + "?" : "") + " Regions: " + String.join(", ", names()));
    }
  }

  static java.util.List<String> names() {
    return Arrays.stream(Region.values()).map(Enum::name).toList();
  }

  /** The regions, for {@code --help}. */
  static final class RegionNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return names().iterator();
    }
  }
}
