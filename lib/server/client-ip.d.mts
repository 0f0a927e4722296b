export const CLIENT_IP_HEADER: "x-banmian-client-ip";
export function trustedProxyHops(value?: string): number;
export function clientAddress(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  hops: number,
): string;
