/** Element keys owned by the userProfile component (append-only; each becomes the class `latch-<key>`). */
export const userProfileElements = [
  // Section body: its explanation and its status line (a polite live region)
  'profileSectionText',
  'profileSectionStatus',
  // Lists of email addresses and devices
  'profileSectionList',
  'profileSectionItemText',
  'profileSectionItemMeta',
  'profileSectionItemActions',
  // Inline panels: forms, confirmations, enrolment steps
  'profilePanel',
  'profilePanelTitle',
  'profilePanelText',
  'profilePanelActions',
  'profileDangerButton',
  // The "Confirm it's you" step before a sensitive change (it holds a profilePanel)
  'profileReverification',
  // Profile picture
  'profileImage',
  'profileImageInput',
  'profileImageUploadButton',
] as const;
