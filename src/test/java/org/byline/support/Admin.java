package org.byline.support;

import org.byline.account.CreateAdminCommand;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Makes an admin the way an operator does, through the create-admin command. */
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
}
