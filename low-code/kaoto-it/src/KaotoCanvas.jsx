// Kaoto's canvas with its step side panel, put together from Kaoto 2.7.1's own providers the way its exported
// RouteVisualization does, with two differences that make the step form usable:
// - RouteVisualization calls visualFlowsApi.showFlows() in an effect that depends on visibleFlows, and showFlows always
//   makes a new visibleFlows object: the effect runs again and again, the canvas redraws each time and drops the
//   selected step, so the side panel never opens. Here the flows are shown once per set of flow ids.
// - RouteVisualization lacks the SuggestionRegistryProvider the step form needs (Kaoto's editor adds it in KaotoBridge);
//   without it, selecting a step fails with "useSuggestionRegistry must be used within a SuggestionRegistryProvider".
import { SuggestionRegistryProvider } from '@kaoto/forms';
import { VisualizationProvider } from '@patternfly/react-topology';
import { Visualization } from 'kaoto-lib/components/Visualization';
import { ControllerService } from 'kaoto-lib/components/Visualization/Canvas/controller.service';
import {
  CatalogLoaderProvider,
  EntitiesContext,
  EntitiesProvider,
  ReloadProvider,
  RuntimeProvider,
  SchemasLoaderProvider,
  VisibleFlowsContext,
  VisibleFlowsProvider,
} from 'kaoto-lib/providers';
import { EventNotifier } from 'kaoto-lib/utils';
import { useContext, useEffect, useLayoutEffect, useMemo } from 'react';

function VisibleFlowsCanvas() {
  const { visualFlowsApi } = useContext(VisibleFlowsContext);
  const visualEntities = useContext(EntitiesContext)?.visualEntities ?? [];
  const flowIds = visualEntities.map((entity) => entity.id).join('\n');
  useEffect(() => {
    visualFlowsApi.showFlows();
  }, [flowIds, visualFlowsApi]);
  return <Visualization className="canvas-page" entities={visualEntities} />;
}

export function KaotoCanvas({ catalogUrl, code, codeChange }) {
  const controller = useMemo(() => ControllerService.createController(), []);
  const eventNotifier = EventNotifier.getInstance();
  useLayoutEffect(() => eventNotifier.subscribe('entities:updated', codeChange), [eventNotifier, codeChange]);
  useEffect(() => {
    eventNotifier.next('code:updated', { code });
  }, [code, eventNotifier]);
  return (
    <EntitiesProvider>
      <ReloadProvider>
        <RuntimeProvider catalogUrl={catalogUrl}>
          <SchemasLoaderProvider>
            <CatalogLoaderProvider>
              <SuggestionRegistryProvider>
                <VisualizationProvider controller={controller}>
                  <VisibleFlowsProvider>
                    <VisibleFlowsCanvas />
                  </VisibleFlowsProvider>
                </VisualizationProvider>
              </SuggestionRegistryProvider>
            </CatalogLoaderProvider>
          </SchemasLoaderProvider>
        </RuntimeProvider>
      </ReloadProvider>
    </EntitiesProvider>
  );
}
