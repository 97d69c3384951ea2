// `npm start`: how to load the development add-in into Excel. Printed, not automated: the
// automation (office-addin-debugging) is deliberately not a dependency.
import { resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const manifest = resolve(dirname(fileURLToPath(import.meta.url)), "..", "manifest.xml");
console.log(`Ripple development add-in — manifest: ${manifest}
Serve it first:  npm run dev-server   (https://localhost:3000; run \`npx office-addin-dev-certs install\` once so Office trusts it)

Excel on the web:      Home > Add-ins > More Add-ins > Upload My Add-in > choose manifest.xml
Excel on Windows:      share a folder holding manifest.xml, add it under File > Options > Trust Center >
                       Trust Center Settings > Trusted Add-in Catalogs (tick "Show in Menu"), restart Excel,
                       then Home > Add-ins > More Add-ins > Shared Folder > Ripple
Excel on Mac:          copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
                       (create wef if needed), restart Excel, then Home > Add-ins > Ripple
Then: Home > 経済波及効果 (Ripple effects) opens the pane; =RIPPLE.IMPACT(...) etc. work in any cell.`);
