package io.github.zegoaiagent.mock.internal.validate;

import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.UnknownKeywordFactory;
import com.networknt.schema.oas.OpenApi30;

/**
 * The one JSON-schema set-up for the mock's OpenAPI 3.0 documents (the contract's request schemas
 * in {@link RequestSchemas}, the control API's in {@code internal.control}).
 */
public final class OpenApiSchemas {
  /**
   * OpenAPI 3.0 dialect. {@code x-} extensions and the {@code components} holder of the
   * {@code $ref}s validate nothing: known as such, they log no "Unknown keyword" WARN; any other
   * unknown keyword (a typo) still warns.
   */
  public static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
      b -> b.metaSchema(JsonMetaSchema.builder(OpenApi30.getInstance())
          .unknownKeywordFactory((k, c) -> k.startsWith("x-") || k.equals("components")
              ? new NonValidationKeyword(k) : UnknownKeywordFactory.getInstance().getKeyword(k, c))
          .build()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
  /** {@code nullable: true} honoured. */
  public static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .nullableKeywordEnabled(true)
      .build();

  private OpenApiSchemas() {
  }
}
