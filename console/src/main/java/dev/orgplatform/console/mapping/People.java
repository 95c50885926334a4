package dev.orgplatform.console.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The members of an organization as user-service lists them, by user id: how pages name a person. */
public final class People {

    /** One member: the name they gave (their email when they gave none) and their email. */
    public record Person(String userId, String name, String email) {

        /** "Name (email)", or the email alone when that is all there is. */
        public String label() {
            return name.equals(email) ? email : name + " (" + email + ")";
        }
    }

    private People() {
    }

    /** {@code members}: the items of a members page, in their order. */
    public static Map<String, Person> byUser(List<Object> members) {
        Map<String, Person> people = new LinkedHashMap<>();
        for (Object o : members) {
            if (o instanceof Map<?, ?> m) {
                String userId = String.valueOf(m.get("userId"));
                String email = String.valueOf(m.get("email"));
                people.put(userId, new Person(userId, m.get("name") == null ? email : String.valueOf(m.get("name")), email));
            }
        }
        return people;
    }
}
