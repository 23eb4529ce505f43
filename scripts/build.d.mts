/** Bundles the service's entry points into dist/. */
export default function buildService(): Promise<void>;
