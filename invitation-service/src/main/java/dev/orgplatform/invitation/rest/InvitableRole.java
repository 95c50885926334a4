package dev.orgplatform.invitation.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import dev.orgplatform.platform.security.Role;
import dev.orgplatform.platform.security.RoleCeiling;

/** A role (any case) that anybody may give by invitation: what even an Owner may give, so never OWNER. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = InvitableRole.Validator.class)
public @interface InvitableRole {

    String message() default "is not a role one may invite as";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<InvitableRole, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || invitable(Role.named(value))) {
                return true; // absent is @NotBlank's to say
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + Arrays.stream(Role.values())
                    .filter(Validator::invitable).map(Role::name).collect(Collectors.joining(", "))).addConstraintViolation();
            return false;
        }

        static boolean invitable(Role role) {
            return RoleCeiling.allows(Role.OWNER, role);
        }
    }
}
