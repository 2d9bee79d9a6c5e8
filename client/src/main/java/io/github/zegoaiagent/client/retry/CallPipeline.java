package io.github.zegoaiagent.client.retry;

import feign.FeignException;
import feign.InvocationHandlerFactory.MethodHandler;
import io.github.zegoaiagent.client.decode.Actions;
import io.github.zegoaiagent.client.error.ZegoException;
import io.github.zegoaiagent.client.error.ZegoTransportException;
import io.github.zegoaiagent.client.validate.RequestValidator;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * The per-call pipeline around Feign: validate the body, then send (Feign signs, encodes, sends and
 * decodes each attempt), and retry as the {@link RetryPolicy} allows. One instance per generated
 * API interface.
 */
public final class CallPipeline implements InvocationHandler {

  private final Class<?> api;
  private final Map<Method, MethodHandler> dispatch;
  private final RequestValidator validator;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final System.Logger logger;

  /**
   * @param api the generated API interface
   * @param dispatch Feign's handler of each method
   * @param validator the validator, or null when local validation is off
   * @param retryPolicy when to retry
   * @param sleeper how to wait between attempts
   * @param logger where to log attempts, or null
   */
  public CallPipeline(Class<?> api, Map<Method, MethodHandler> dispatch, RequestValidator validator,
      RetryPolicy retryPolicy, Sleeper sleeper, System.Logger logger) {
    this.api = api;
    this.dispatch = Map.copyOf(dispatch);
    this.validator = validator;
    this.retryPolicy = retryPolicy;
    this.sleeper = sleeper;
    this.logger = logger;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> api.getSimpleName() + " (ZEGO AI Agent client)";
      };
    }
    String action = Actions.fromMethod(method);
    if (validator != null) {
      validator.validate(action, args == null || args.length == 0 ? null : args[0]);
    }
    MethodHandler handler = dispatch.get(method);
    for (int attempt = 1; ; attempt++) {
      long start = System.nanoTime();
      try {
        Object result = handler.invoke(args);
        log(Level.DEBUG, action, attempt, start, "ok");
        return result;
      } catch (Throwable t) {
        ZegoException failure = translate(action, t);
        boolean retry = attempt < retryPolicy.maxAttempts() && retryPolicy.isRetryable(failure);
        log(retry ? Level.INFO : Level.DEBUG, action, attempt, start,
            (retry ? "will retry: " : "failed: ") + failure.getMessage());
        if (!retry) {
          throw failure;
        }
        Duration wait = retryPolicy.backoff(attempt);
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failure.addSuppressed(e);
          throw failure;
        }
      }
    }
  }

  /** Unwraps Feign's wrappers; classifies I/O failures by whether the request can have been sent. */
  static ZegoException translate(String action, Throwable t) {
    if (t instanceof ZegoException z) {
      return z;
    }
    if (t.getCause() instanceof ZegoException z) { // thrown by the decoder, wrapped in DecodeException
      return z;
    }
    if (t instanceof FeignException && t.getCause() != null) {
      Throwable cause = t.getCause();
      boolean neverConnected = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
          || cause.getCause() instanceof ConnectException;
      String what = neverConnected ? "could not connect" : "no complete answer";
      return new ZegoTransportException(action, what + " (" + cause.getClass().getSimpleName() + ": "
          + cause.getMessage() + ")", 0, !neverConnected, cause);
    }
    return new ZegoTransportException(action, "unexpected failure: " + t, 0, true, t);
  }

  private void log(Level level, String action, int attempt, long startNanos, String outcome) {
    if (logger != null && logger.isLoggable(level)) {
      long ms = (System.nanoTime() - startNanos) / 1_000_000;
      logger.log(level, () -> action + " attempt " + attempt + " (" + ms + " ms) " + outcome);
    }
  }
}
