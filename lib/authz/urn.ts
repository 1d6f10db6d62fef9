/** Resource names the engine matches `Resource` patterns against: `service:region:account:type:name`. */
export function urn(service: string, region: string | null, accountId: string, type: string, name: string): string {
  return `${service}:${region ?? ""}:${accountId}:${type}:${name}`;
}
