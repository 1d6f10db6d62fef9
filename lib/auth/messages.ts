/** Sign-in messages, shared by the server and the sign-in form (free of imports for the client). */
export const SIGN_IN_FAILED = "Incorrect account name, IAM user name or password.";
export const THROTTLE_WINDOW_MINUTES = 15;
export const SIGN_IN_THROTTLED = `Too many failed sign-in attempts. Try again in ${THROTTLE_WINDOW_MINUTES} minutes.`;
