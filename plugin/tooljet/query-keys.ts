/** Keys ToolJet itself keeps in a query's options next to the plugin's own fields. */
export const toolJetQueryKeys: ReadonlySet<string> = new Set([
  'operation',
  'runOnPageLoad',
  'requestConfirmation',
  'showSuccessNotification',
  'successMessage',
  'notificationDuration',
  'transformation',
  'enableTransformation',
  'transformationLanguage',
  'cacheQuery',
]);
