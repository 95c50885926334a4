package dev.orgplatform.org.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import dev.orgplatform.platform.net.Cidr;

/** Every entry of {@code ipAllowlist} is a CIDR; each bad one is named by its index ({@code security.ipAllowlist[2]}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidCidrs.Validator.class)
public @interface ValidCidrs {

    String message() default "must be a CIDR such as 10.0.0.0/8 or 2001:db8::/32";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidCidrs, SettingsRequest.Security> {
        @Override
        public boolean isValid(SettingsRequest.Security security, ConstraintValidatorContext context) {
            List<String> list = security == null ? null : security.ipAllowlist();
            if (list == null) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            for (int i = 0; i < list.size(); i++) {
                if (Cidr.parse(list.get(i)).isEmpty()) {
                    valid = false;
                    context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                            .addPropertyNode("ipAllowlist[" + i + "]").addConstraintViolation();
                }
            }
            return valid;
        }
    }
}
