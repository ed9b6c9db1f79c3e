/** Where the repository is, for spawning the answerer and finding the stand-in. */
export { PROJECT_ROOT as REPO_ROOT } from '../paths.js';
