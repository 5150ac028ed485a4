/** Size of the big CSV export the streaming measurement downloads: 500 MB. */
export const bigFileBytes = 500_000_000;
