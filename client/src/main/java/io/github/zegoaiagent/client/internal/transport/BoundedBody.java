package io.github.zegoaiagent.client.internal.transport;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects an answer body up to a cap. An answer announcing (Content-Length) or delivering more
 * bytes fails with {@link TransportFailure} naming the cap, and the subscription is cancelled,
 * which closes the connection. {@link #abort} ends a stalled or dribbling body at the attempt's
 * deadline the same way. Internal.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final long cap;
  private final int status;
  private final List<ByteBuffer> parts = new ArrayList<>(2);
  private final TransportFailure early;
  private volatile Flow.Subscription subscription;
  private long size;

  BoundedBody(long cap, int status, long announced) {
    this.cap = cap;
    this.status = status;
    this.early = announced > cap ? TransportFailure.tooLarge(status, cap, "Content-Length " + announced) : null;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (early != null) {
      s.cancel();
      result.completeExceptionally(early);
      return;
    }
    if (result.isDone()) { // aborted before the body started
      s.cancel();
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      size += b.remaining();
      parts.add(b);
    }
    if (size > cap) {
      parts.clear();
      subscription.cancel();
      result.completeExceptionally(TransportFailure.tooLarge(status, cap, "more than " + cap + " bytes received"));
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    if (result.isDone()) {
      return;
    }
    byte[] all = new byte[(int) size];
    int at = 0;
    for (ByteBuffer b : parts) {
      int n = b.remaining();
      b.get(all, at, n);
      at += n;
    }
    parts.clear();
    result.complete(all);
  }

  /** Ends the body now with the given failure and closes the connection. */
  void abort(TransportFailure failure) {
    if (result.completeExceptionally(failure)) {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
