/** Limits shared by server and client. */
export const LIMITS = {
  passwordMinLength: 10,
  passwordMaxLength: 200,
  nameMaxLength: 120,
  emailMaxLength: 254,
  titleMaxLength: 200,
  commentMaxLength: 10_000,
  /** Default maximum size of one collaboration message (COLLAB_MAX_MESSAGE_BYTES). */
  collabMaxMessageBytes: 1024 * 1024,
  /** Access tokens are short-lived; the refresh cookie renews them. */
  accessTokenTtlSeconds: 15 * 60,
  refreshTokenTtlSeconds: 30 * 24 * 60 * 60,
  invitationTtlSeconds: 14 * 24 * 60 * 60,
} as const;
