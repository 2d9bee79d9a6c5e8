package io.github.zegoaiagent.contract;

/**
 * Where a schema sits in the contract document.
 *
 * @param pointer JSON pointer of the schema as written (it may be a {@code $ref}), e.g.
 *     {@code /paths/~1ListAgents/post/requestBody/content/application~1json/schema}
 * @param target JSON pointer of the schema after following {@code $ref}s, e.g.
 *     {@code /components/schemas/ListAgentsRequest}
 */
public record SchemaRef(String pointer, String target) {

  /** @return the last segment of {@link #target()}: the component name, e.g. {@code ListAgentsRequest} */
  public String name() {
    return Pointers.unescape(target.substring(target.lastIndexOf('/') + 1));
  }
}
