/**
 * `npm run entra:app -- --env NAME --url https://host [--mode delegated|app-only] [--tenant ID] [--print] [--config FILE] [--out DIR]`
 * registers the bridge in Entra ID and writes its environment, secret reference and manifests.
 */
import { ConfigError } from '../../server/config/load-config';
import { EntraAppArgumentError, parseEntraAppArguments } from './entra-app-arguments';
import { registerEntraApp, RegistrationError } from './register-entra-app';

try {
  await registerEntraApp(parseEntraAppArguments(process.argv.slice(2)), { print: (text) => console.log(text) });
} catch (error) {
  if (!(error instanceof EntraAppArgumentError || error instanceof RegistrationError || error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
