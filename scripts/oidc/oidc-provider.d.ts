// oidc-provider ships no type declarations; the local identity platform uses a small part of it
declare module "oidc-provider";
