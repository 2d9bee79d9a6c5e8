package io.github.zegoaiagent.client.internal;

import io.github.zegoaiagent.client.core.Page;
import io.github.zegoaiagent.client.model.AgentInfo;
import io.github.zegoaiagent.client.model.ListAgentsData;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.client.model.ListAgentsResponse;
import java.util.Objects;

/** ListAgents as pages, for the client's auto-pagination ({@code listAllAgents}). Internal. */
public final class Paging {

  private Paging() { }

  /**
   * @param first the first page's request (its Limit is every page's)
   * @param cursor the cursor of the page to ask
   * @return a copy of {@code first} asking that page
   */
  public static ListAgentsRequest at(ListAgentsRequest first, String cursor) {
    return new ListAgentsRequest().limit(first.getLimit()).cursor(cursor);
  }

  /**
   * @param first the first page's request
   * @return it, checked
   */
  public static ListAgentsRequest first(ListAgentsRequest first) {
    return Objects.requireNonNull(first, "the first page's request (new ListAgentsRequest(), with a Limit of up to 10)");
  }

  /**
   * @param answer a ListAgents answer
   * @return its agents and the Cursor of the next page
   */
  public static Page<AgentInfo> page(ListAgentsResponse answer) {
    ListAgentsData data = answer.getData();
    return new Page<>(data.getAgents(), data.getCursor());
  }
}
