import '@patternfly/react-core/dist/styles/base.css';
import './host.css';
import { useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { KaotoCanvas } from './KaotoCanvas';
import route from './route.yaml?raw';

const CATALOG_NAME = 'Camel Main 4.14.0 + camel-tamtam';

// Kaoto remembers the chosen runtime catalog in localStorage; select ours (the only one in public/catalog/index.json).
localStorage.setItem('selectedCatalog', JSON.stringify({ name: CATALOG_NAME }));

// The route as Kaoto last serialised it, for the test to read (Kaoto reports every edit through codeChange).
window.kaotoRouteYaml = route;

function App() {
  // The route is handed to Kaoto once; Kaoto's own output is not fed back as `code` (that would re-parse the route).
  const [code] = useState(route);
  const onCodeChange = useCallback((next) => {
    window.kaotoRouteYaml = next;
  }, []);
  return (
    <div style={{ height: '100%' }}>
      <KaotoCanvas catalogUrl="/catalog/index.json" code={code} codeChange={onCodeChange} />
    </div>
  );
}

createRoot(document.getElementById('root')).render(<App />);
