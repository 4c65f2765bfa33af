#!/usr/bin/env node
// A real OpenID Connect provider (oidc-provider) on loopback, for the single sign-on e2e test.
// Playwright starts it before the app (playwright.config.ts), and the app is configured with its
// issuer, client id and secret. Any username signs in: the subject is the username, the email
// <username>@sso.test (verified), the name "SSO <username>". Consent is implied (first-party client).
import http from "node:http";
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT ?? 4100);
const issuer = `http://127.0.0.1:${port}`;
const appUrl = process.env.APP_URL ?? "http://localhost:3100";
const clientId = process.env.OIDC_CLIENT_ID ?? "tessera-e2e";
const clientSecret = process.env.OIDC_CLIENT_SECRET ?? "tessera-e2e-secret-0123456789abcdef";

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // Put the scope's claims in the id_token too (Keycloak, Okta and Entra do for email/profile).
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ["tessera-e2e-only-cookie-key"] },
  async findAccount(_ctx, sub) {
    return { accountId: sub, claims: async () => ({ sub, email: `${sub}@sso.test`, email_verified: true, name: `SSO ${sub}` }) };
  },
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
});

const page = (uid, error = "") => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test IdP: sign in</title></head>
<body style="font-family: sans-serif; max-width: 24rem; margin: 3rem auto">
<h1>Test identity provider</h1>
${error ? `<p role="alert">${error}</p>` : ""}
<form method="post" action="/interaction/${uid}/login">
  <label for="login">Username</label>
  <input id="login" name="login" required autocomplete="off" pattern="[a-z0-9._-]{1,40}">
  <button type="submit">Sign in to the test IdP</button>
</form>
</body></html>`;

const readForm = (req) =>
  new Promise((resolve, reject) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
      if (body.length > 10_000) req.destroy();
    });
    req.on("end", () => resolve(new URLSearchParams(body)));
    req.on("error", reject);
  });

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
  const m = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url ?? "");
  if (!m) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === "POST" && m[2]) {
      const login = (await readForm(req)).get("login") ?? "";
      if (!/^[a-z0-9._-]{1,40}$/.test(login)) {
        res.writeHead(400, { "content-type": "text/html" });
        return res.end(page(details.uid, "Use lowercase letters, digits, dots, dashes."));
      }
      return provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
    }
    if (details.prompt.name === "login") {
      res.writeHead(200, { "content-type": "text/html" });
      return res.end(page(details.uid));
    }
    // Any other prompt (consent): granted by loadExistingGrant; finish the interaction.
    return provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
  } catch (e) {
    res.writeHead(400, { "content-type": "text/plain" });
    res.end(`interaction failed: ${e.message}`);
  }
});

server.listen(port, "127.0.0.1", () => console.log(`[oidc] test provider on ${issuer} (client ${clientId}, redirect ${appUrl}/api/auth/callback/oidc)`));
for (const s of ["SIGINT", "SIGTERM"]) process.on(s, () => server.close(() => process.exit(0)));
