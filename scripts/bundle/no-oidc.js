// Stands in for @actions/core's OIDC client in the bundle (scripts/bundle.mjs). The action
// never asks for an OIDC token, and the real client imports @actions/http-client, whose
// undici and tunnel are 800 kB evaluated at start-up on every run.
export class OidcClient {
  static async getIDToken() {
    throw new Error('draft-review is built without an OIDC client: core.getIDToken() is not available')
  }
}
