package io.github.zegoaiagent.spring.callback;

import io.github.zegoaiagent.client.callback.CallbackOutcome;
import io.github.zegoaiagent.client.callback.CallbackReceiver;
import io.github.zegoaiagent.client.callback.CallbackServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * The starter's callback endpoint: the client's {@link CallbackServlet} with each delivery watched
 * by the {@link DeliveryObserver}, if any. The receiver tells the outcome on the request thread
 * ({@link #outcome}), between the servlet's open and close of the delivery.
 */
final class ObservedCallbackServlet extends CallbackServlet {

  private static final long serialVersionUID = 1L;
  private static final ThreadLocal<DeliveryObserver.Delivery> CURRENT = new ThreadLocal<>();

  private final transient Supplier<DeliveryObserver> observer;

  ObservedCallbackServlet(CallbackReceiver receiver, int maxBodyBytes, Supplier<DeliveryObserver> observer) {
    super(receiver, maxBodyBytes);
    this.observer = observer;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    DeliveryObserver o = observer.get();
    if (o == null) {
      super.doPost(req, resp);
      return;
    }
    DeliveryObserver.Delivery delivery = o.open();
    CURRENT.set(delivery);
    try {
      super.doPost(req, resp);
    } finally {
      CURRENT.remove();
      delivery.close();
    }
  }

  /** @param outcome the receiver's outcome, told to the delivery this thread serves (if watched) */
  static void outcome(CallbackOutcome outcome) {
    DeliveryObserver.Delivery d = CURRENT.get();
    if (d != null) {
      d.outcome(outcome);
    }
  }
}
