import { createSidebarActivity } from '../../../src/data/zaf/sidebarActivity';
import { createFakeClient } from '../createFakeClient';

describe('the sidebar activity', () => {
  it('remembers an event sent before anyone subscribed', () => {
    const client = createFakeClient();
    const activity = createSidebarActivity(client, () => true);
    client.emit('app.deactivated', {});
    const heard: boolean[] = [];
    activity.subscribe((isActive) => heard.push(isActive));
    expect(activity.isActive()).toBe(false);
    expect(heard).toEqual([]);
  });

  it('answers with the guess until ZAF has said, asking it afresh each time', () => {
    const client = createFakeClient();
    let hasLayoutBox = false;
    const activity = createSidebarActivity(client, () => hasLayoutBox);
    expect(activity.isActive()).toBe(false);
    hasLayoutBox = true;
    expect(activity.isActive()).toBe(true);
    client.emit('app.deactivated', {});
    expect(activity.isActive()).toBe(false);
  });

  it('tells subscribers of later events, until they unsubscribe', () => {
    const client = createFakeClient();
    const activity = createSidebarActivity(client, () => false);
    const heard: boolean[] = [];
    const unsubscribe = activity.subscribe((isActive) => heard.push(isActive));
    client.emit('app.activated', { firstLoad: true });
    client.emit('app.deactivated', {});
    client.emit('app.activated', {});
    unsubscribe();
    client.emit('app.deactivated', {});
    expect(heard).toEqual([true, false, true]);
    expect(activity.isActive()).toBe(false);
  });

  it('stops listening to ZAF when disposed', () => {
    const client = createFakeClient();
    const on = jest.spyOn(client, 'on');
    const activity = createSidebarActivity(client, () => true);
    const heard: boolean[] = [];
    activity.subscribe((isActive) => heard.push(isActive));
    activity.dispose();
    client.emit('app.deactivated', {});
    expect(on.mock.calls.map(([event]) => event).sort()).toEqual(['app.activated', 'app.deactivated']);
    expect(heard).toEqual([]);
    expect(activity.isActive()).toBe(true);
  });
});
