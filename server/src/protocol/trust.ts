// Workspace trust as it crosses from the VS Code client to the language server. Types and
// constants only, bundled into both. An untrusted workspace's `.prr.yaml` may only lower
// severities and choose files (server/src/service/config/trust.ts).

/** `initializationOptions` of the prr language server. */
export interface PrrInitializationOptions {
  /** `false` in an untrusted (restricted mode) workspace. Trusted when absent, as for any other editor. */
  trusted?: boolean;
}

/** Client → server notification, no params: the user has just trusted the workspace. */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'prr/workspaceTrusted';
