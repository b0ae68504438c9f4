/** A staff PIN: 4 to 8 digits, typed on the tablet's on-screen keypad. */
export const PIN_PATTERN = /^\d{4,8}$/;
