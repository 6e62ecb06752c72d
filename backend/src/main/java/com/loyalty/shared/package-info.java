/**
 * What every module may use: GraphQL errors and scalars, security (the viewer, roles, sessions'
 * checks), configuration, the outbox and clocks. It holds no feature and no table of its own
 * beyond infrastructure, so it is an open module: all of its packages are usable by the others.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.loyalty.shared;

import org.springframework.modulith.ApplicationModule;
