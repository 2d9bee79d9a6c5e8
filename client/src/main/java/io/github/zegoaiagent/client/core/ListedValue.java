package io.github.zegoaiagent.client.core;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The generated models put this on every enum-typed property (template
 * {@code beanValidation.mustache}): a request may carry only a value the contract lists, or one
 * made with the type's {@code unlisted(value)}.
 */
@Documented
@Constraint(validatedBy = ListedValueValidator.class)
@Target({METHOD, FIELD, TYPE_USE})
@Retention(RUNTIME)
public @interface ListedValue {
  /** @return unused: the client's request validator writes its own message */
  String message() default "value not listed by the contract";

  /** @return validation groups */
  Class<?>[] groups() default {};

  /** @return payload */
  Class<? extends Payload>[] payload() default {};
}
