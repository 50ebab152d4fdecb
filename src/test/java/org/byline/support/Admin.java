package org.byline.support;

import org.byline.account.CreateAdminCommand;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Makes an admin the way an operator does, through the create-admin command, and moderators the way an admin does. */
public final class Admin {
    public static final String PASSWORD = "admin password 123";

    private Admin() {
    }

    /** Creates the admin and returns a client signed in as them. */
    public static WebClient signedIn(TestApp.Running app, String handle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = CreateAdminCommand.run(app.config(), new String[]{"create-admin", "--handle", handle},
                new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IllegalStateException("create-admin failed: " + out);
        }
        WebClient client = app.client();
        if (client.login(handle, PASSWORD).status() != 303) {
            throw new IllegalStateException("admin could not sign in");
        }
        return client;
    }

    /** Registers {@code handle} and has {@code admin} grant them the moderator role; the client is signed in as them. */
    public static WebClient moderator(TestApp.Running app, WebClient admin, String handle) {
        WebClient moderator = app.client().signedUp(handle);
        WebClient.Page granted = admin.post("/moderation/people/" + handle + "/grant-moderator",
                Map.of("reason", "Volunteered to moderate"));
        if (granted.status() != 303) {
            throw new IllegalStateException("granting moderator to " + handle + " failed: " + granted.status() + "\n" + granted.body());
        }
        return moderator;
    }
}
