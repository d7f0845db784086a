// The webhook of the local service and `npm run worker` comes from the environment, so the secret never
// sits on a command line or in a file of the repository.
import type { Webhook } from './deliver.js';

/** CUSTOMERDESK_WEBHOOK_URL (http or https) and CUSTOMERDESK_WEBHOOK_SECRET; none configured → undefined. */
export function webhookFromEnv(env: Record<string, string | undefined>): Webhook | undefined {
  const url = env.CUSTOMERDESK_WEBHOOK_URL?.trim();
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('CUSTOMERDESK_WEBHOOK_URL is not a URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('CUSTOMERDESK_WEBHOOK_URL must be an http or https URL');
  return { url, secret: env.CUSTOMERDESK_WEBHOOK_SECRET || undefined };
}
