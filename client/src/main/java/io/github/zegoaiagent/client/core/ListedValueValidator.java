package io.github.zegoaiagent.client.core;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ListedValue}: the strict face of an open enum (ADR 0004). */
public final class ListedValueValidator implements ConstraintValidator<ListedValue, OpenEnum<?>> {

  @Override
  public boolean isValid(OpenEnum<?> value, ConstraintValidatorContext context) {
    return value == null || value.isAllowedInRequests();
  }
}
