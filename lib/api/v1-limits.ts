/** The most editions one /api/v1 list answer holds; a longer range is refused with a message. */
export const MAX_EDITIONS = 400;
