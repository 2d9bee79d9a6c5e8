package io.github.zegoaiagent.client.internal.validate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

/**
 * {@code @Size} for strings counted in characters (Unicode code points), as JSON Schema's
 * {@code maxLength} counts them, rather than in UTF-16 units: an emoji is one character of the
 * 300 that SendAgentInstanceTTS.Text allows, not two.
 */
public final class CodePointSizeValidator implements ConstraintValidator<Size, String> {

  private int min;
  private int max;

  @Override
  public void initialize(Size size) {
    this.min = size.min();
    this.max = size.max();
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    int length = value.codePointCount(0, value.length());
    return length >= min && length <= max;
  }
}
