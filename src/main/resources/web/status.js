// Every status colour and the order statuses are shown in: the one place the pages take them from.
export const STATUSES = ['EXCEEDED', 'ACHIEVED', 'BASICALLY_ACHIEVED', 'ON_TRACK', 'BEHIND', 'MISSED', 'NO_DATA', 'ONGOING'];
export const COLOURS = {
  EXCEEDED: '#1b7f3b', ACHIEVED: '#2e9e4f', BASICALLY_ACHIEVED: '#8cc63f', ON_TRACK: '#2f80ed',
  BEHIND: '#f2a900', MISSED: '#d0312d', NO_DATA: '#9aa5b1', ONGOING: '#7b61ff',
};
export const REVIEW_COLOURS = { SUBMITTED: '#f2a900', APPROVED: '#2e9e4f', RETURNED: '#d0312d' };
