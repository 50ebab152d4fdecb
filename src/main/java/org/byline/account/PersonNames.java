package org.byline.account;

import com.ibm.icu.text.SpoofChecker;
import org.byline.web.TextInput;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps bylines personal: a handle or display name may not pass itself off as nobody ("Anonymous"),
 * as a group ("The Team") or as an office ("Moderator"), however it is spelled: full-width, with
 * Cyrillic look-alikes or with digits for letters. Look-alikes are caught with ICU's confusable
 * skeletons, which also keep two handles from looking the same.
 */
public final class PersonNames {
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    private static final Set<String> NOT_A_PERSON = Set.of(
            "anonymous", "anon", "anonym", "anonyme", "team", "teams", "staff", "crew", "moderator", "moderators",
            "mod", "mods", "moderation", "admin", "admins", "administrator", "administrators", "administration",
            "editors", "editorial", "official", "system", "byline", "everyone", "nobody", "unknown", "group",
            "collective", "support", "root", "owner", "owners", "management");
    private static final Set<String> NOT_A_PERSON_ALONE = Set.of("we", "us", "them", "they", "all", "none", "user", "someone");
    private static final Set<String> NOT_A_PERSON_SKELETONS = NOT_A_PERSON.stream().map(PersonNames::skeleton).collect(Collectors.toSet());
    private static final Set<String> ALONE_SKELETONS = NOT_A_PERSON_ALONE.stream().map(PersonNames::skeleton).collect(Collectors.toSet());

    private PersonNames() {
    }

    /** The form under which two handles count as the same: "rn" and "m", "0" and "o", "l" and "1" collide. */
    public static String handleSkeleton(String handle) {
        // skeleton before lower-casing: a capital I and a small l are the look-alike pair
        return skeleton(handle);
    }

    /** Why this handle cannot be registered, or null. */
    public static String handleProblem(String handle) {
        return namesNobody(handle) ? "\"" + handle + "\" does not name a person; choose a handle of your own." : null;
    }

    /** Why this display name cannot be shown as a byline, or null. */
    public static String displayNameProblem(String name) {
        if (name.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT)) {
            return "The display name contains invisible or direction-changing characters; use visible letters.";
        }
        if (!TextInput.hasVisibleText(name) || name.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return "A display name needs at least one letter or digit.";
        }
        return namesNobody(name) ? "\"" + name + "\" does not name a person; use your own name or a pseudonym." : null;
    }

    private static boolean namesNobody(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String[] tokens = folded.split("[^\\p{L}\\p{N}]+");
        String joined = String.join("", tokens);
        if (ALONE_SKELETONS.contains(tokenSkeleton(joined))) {
            return true;
        }
        for (String token : tokens) {
            if (!token.isEmpty() && NOT_A_PERSON_SKELETONS.contains(tokenSkeleton(token))) {
                return true;
            }
        }
        return NOT_A_PERSON_SKELETONS.contains(tokenSkeleton(joined));
    }

    /** Digits standing in for letters ("anonym0us", "4dmin") are read as the letters. */
    private static String tokenSkeleton(String token) {
        StringBuilder letters = new StringBuilder(token.length());
        token.codePoints().forEach(c -> letters.appendCodePoint(switch (c) {
            case '0' -> 'o';
            case '1' -> 'l';
            case '3' -> 'e';
            case '4' -> 'a';
            case '5' -> 's';
            case '7' -> 't';
            case '8' -> 'b';
            default -> c;
        }));
        return skeleton(letters.toString());
    }

    private static String skeleton(String text) {
        return SPOOF.getSkeleton(text).toLowerCase(Locale.ROOT);
    }
}
