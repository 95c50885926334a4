package dev.orgplatform.user.access;

/**
 * The security settings that hold in an organization: its own and every ancestor's, the strictest winning. Two
 * factors are required when any of them enforces it; an API key lives at most the lowest cap any of them sets
 * (null: no cap). Built by walking up the tree, adding each organization's own settings with {@link #and}.
 */
public record StrictestSecurity(boolean enforce2fa, Integer maxApiKeyLifetimeDays) {

    /** Before any organization is added: nothing enforced, no cap. */
    public static final StrictestSecurity NONE = new StrictestSecurity(false, null);

    /** These settings with one more organization's own on the way up. */
    public StrictestSecurity and(boolean ownEnforce2fa, Integer ownMaxApiKeyLifetimeDays) {
        return new StrictestSecurity(enforce2fa || ownEnforce2fa, lower(maxApiKeyLifetimeDays, ownMaxApiKeyLifetimeDays));
    }

    private static Integer lower(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }
}
