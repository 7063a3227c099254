package io.newsflow.launcher.ops;

/** The version of the running build. */
public final class BuildVersion {

    private BuildVersion() {
    }

    /** The version in the launcher jar's manifest; "dev" when run from compiled classes. */
    public static String current() {
        String version = BuildVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
