package io.stsvend.configcheck;

/**
 * Local mode's presence in this artifact: implemented by the one bean that starts the embedded cloud, which exists
 * only in builds whose build profile is not {@code prod}. {@link LocalModeBuild} asks whether such a bean exists, so
 * a production artifact told to run in local mode refuses to start instead of pointing at emulators it lacks.
 */
public interface EmbeddedCloud {
}
