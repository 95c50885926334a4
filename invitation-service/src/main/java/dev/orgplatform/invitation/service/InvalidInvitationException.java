package dev.orgplatform.invitation.service;

import java.util.List;

import dev.orgplatform.platform.problem.FieldError;
import dev.orgplatform.platform.problem.ProblemException;

/**
 * One answer for every token that does not work (unknown, used, revoked, expired, organization pending
 * deletion), so an outsider learns nothing about which.
 */
public class InvalidInvitationException extends ProblemException {

    public InvalidInvitationException() {
        super(400, "Invalid invitation", "this invitation link is not valid; ask for a new invitation",
                List.of(new FieldError("token", "is not a valid invitation")), null);
    }
}
