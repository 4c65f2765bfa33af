import "server-only";

/** The shared shape of a product in lists and cards. */
export const productCardSelect = {
  id: true,
  key: true,
  name: true,
  topic: true,
  tier: true,
  description: true,
  reliabilityClass: true,
  lifecycleStatus: true,
  sloStatus: true,
  atRisk: true,
  tags: true,
  activeSubscriberCount: true,
  updatedAt: true,
  domain: { select: { slug: true, name: true } },
  team: { select: { slug: true, name: true } },
  currentVersion: { select: { version: true, publishedAt: true } },
} as const;
