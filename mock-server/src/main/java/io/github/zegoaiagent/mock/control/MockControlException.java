package io.github.zegoaiagent.mock.control;

/**
 * A {@link MockControl} call that did not succeed, from the embedded {@code MockServer} or the HTTP
 * {@link MockControlClient} alike: the status the control API answers for it (bad input 400,
 * remote caller 403, unknown path or instance 404, wrong method 405, full 409, a bug 500, the
 * memory budget 503), or 0 when an HTTP mock could not be reached or did not answer in time.
 */
public final class MockControlException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String method;
  private final String path;
  private final int status;
  private final String error;

  /**
   * @param method the HTTP method of the operation
   * @param path the path called
   * @param status the HTTP status the control API answers (0: no answer)
   * @param error what went wrong
   * @param cause the underlying failure, or null
   */
  public MockControlException(String method, String path, int status, String error, Throwable cause) {
    super(method + " " + path + (status == 0 ? "" : " answered HTTP " + status) + ": " + error, cause);
    this.method = method;
    this.path = path;
    this.status = status;
    this.error = error;
  }

  /** @return the HTTP method of the call */
  public String method() {
    return method;
  }

  /** @return the path called, e.g. {@code /_mock/instances/123} */
  public String path() {
    return path;
  }

  /** @return the HTTP status the mock answered; 0 when there was no answer */
  public int status() {
    return status;
  }

  /** @return the mock's message ({@code error} of its answer), or why no answer came */
  public String error() {
    return error;
  }
}
