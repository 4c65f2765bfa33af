// Applies the saved or system theme before first paint, so there is no flash. The CSP allows this
// exact script by its hash (proxy.ts): change it here and the hash follows.
export const THEME_SCRIPT = `try{var t=localStorage.getItem("theme");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;
