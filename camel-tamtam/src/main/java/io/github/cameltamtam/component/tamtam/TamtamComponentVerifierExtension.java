/*
 * Copyright 2026 The camel-tamtam authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.cameltamtam.component.tamtam;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.cameltamtam.component.tamtam.client.BaseUrlPolicy;
import io.github.cameltamtam.component.tamtam.client.CallListener;
import io.github.cameltamtam.component.tamtam.client.TamtamClient;
import io.github.cameltamtam.component.tamtam.credits.CreditsApi;
import io.github.cameltamtam.component.tamtam.support.Futures;
import org.apache.camel.component.extension.verifier.DefaultComponentVerifierExtension;
import org.apache.camel.component.extension.verifier.ResultBuilder;
import org.apache.camel.component.extension.verifier.ResultErrorBuilder;

/**
 * "Test connection" for tools ({@code ComponentVerifierExtension}). Parameters: the API key is present, the base URL
 * is acceptable (https, or http on loopback) and every other option is valid. Connectivity: one
 * {@code GET /v2/credits} (free, paced with the key's other requests, not retried) tells apart a rejected key
 * ({@code AUTHENTICATION}, on {@code apiKey}), a base URL that does not serve the TamTam API
 * ({@code ILLEGAL_PARAMETER_VALUE}, on {@code baseUrl}) and a host that cannot be reached ({@code EXCEPTION}, on
 * {@code baseUrl}). The API key never appears in a description.
 */
public class TamtamComponentVerifierExtension extends DefaultComponentVerifierExtension {

    public TamtamComponentVerifierExtension() {
        super("tamtam");
    }

    @Override
    protected Result verifyParameters(Map<String, Object> parameters) {
        ResultBuilder builder = ResultBuilder.withStatusAndScope(Result.Status.OK, Scope.PARAMETERS);
        VerificationError notOfItsType = valueNotOfItsType(parameters);
        if (notOfItsType != null) {
            return builder.error(notOfItsType).build();
        }
        TamtamConfiguration configuration;
        try {
            configuration = configuration(parameters);
        } catch (Exception e) {
            return builder.error(ResultErrorBuilder.withCodeAndDescription(
                    VerificationError.StandardCode.ILLEGAL_PARAMETER_VALUE, e.getMessage()).build()).build();
        }
        if (configuration.getApiKey() == null || configuration.getApiKey().isBlank()) {
            builder.error(ResultErrorBuilder.withMissingOption("apiKey")
                    .description("apiKey is required: the TamTam account API key").build());
            return builder.build();
        }
        try {
            BaseUrlPolicy.check(configuration.getBaseUrl());
        } catch (IllegalArgumentException e) {
            builder.error(
                    ResultErrorBuilder.withCodeAndDescription(VerificationError.StandardCode.ILLEGAL_PARAMETER_VALUE,
                            e.getMessage()).parameterKey("baseUrl").build());
            return builder.build();
        }
        try {
            configuration.validate();
        } catch (IllegalArgumentException e) {
            builder.error(
                    ResultErrorBuilder.withCodeAndDescription(VerificationError.StandardCode.ILLEGAL_PARAMETER_VALUE,
                            e.getMessage()).build());
        }
        return builder.build();
    }

    @Override
    protected Result verifyConnectivity(Map<String, Object> parameters) {
        Result checked = verifyParameters(parameters);
        if (checked.getStatus() != Result.Status.OK) {
            return ResultBuilder.withStatusAndScope(Result.Status.ERROR, Scope.CONNECTIVITY).errors(checked.getErrors())
                    .build();
        }
        ResultBuilder builder = ResultBuilder.withStatusAndScope(Result.Status.OK, Scope.CONNECTIVITY);
        try {
            TamtamConfiguration configuration = configuration(parameters);
            TamtamComponent component = (TamtamComponent) getComponent();
            URI baseUri = BaseUrlPolicy.check(configuration.getBaseUrl());
            TamtamClient client = component.newClient(configuration, baseUri,
                    component.pacerFor(baseUri, configuration.getApiKey(), configuration.getRequestsPerSecond(),
                            "the component verifier"),
                    0);
            try {
                client.call(CreditsApi.credits(), CallListener.NONE)
                        .get(configuration.getConnectTimeout() + 2 * configuration.getRequestTimeout(),
                                TimeUnit.MILLISECONDS);
            } finally {
                client.close();
            }
        } catch (ExecutionException e) {
            builder.error(error(Futures.unwrap(e.getCause()), parameters));
        } catch (TimeoutException e) {
            builder.error(ResultErrorBuilder.withCodeAndDescription(VerificationError.StandardCode.EXCEPTION,
                    "The TamTam API did not answer in time").parameterKey("baseUrl").build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.error(ResultErrorBuilder.withException(e).build());
        } catch (Exception e) {
            builder.error(ResultErrorBuilder.withCodeAndDescription(VerificationError.StandardCode.EXCEPTION,
                    e.getMessage()).build());
        }
        return builder.build();
    }

    private static VerificationError error(Throwable failure, Map<String, Object> parameters) {
        String baseUrl = String.valueOf(parameters.getOrDefault("baseUrl", TamtamConfiguration.DEFAULT_BASE_URL));
        int status = failure instanceof TamtamApiException api ? api.getStatusCode() : 0;
        if (status == 401 || status == 403) {
            return ResultErrorBuilder.withCodeAndDescription(VerificationError.StandardCode.AUTHENTICATION,
                    "The TamTam API at " + baseUrl + " rejected the API key (" + status + ")")
                    .parameterKey("apiKey").detail(VerificationError.HttpAttribute.HTTP_CODE, status).build();
        }
        if (status == 0) {
            return ResultErrorBuilder.withCodeAndDescription(VerificationError.StandardCode.EXCEPTION,
                    "Cannot reach the TamTam API at " + baseUrl + ": " + failure.getMessage())
                    .parameterKey("baseUrl")
                    .detail(VerificationError.ExceptionAttribute.EXCEPTION_CLASS, failure.getClass().getName()).build();
        }
        if (status == 429 || status >= 500) {
            return ResultErrorBuilder.withCodeAndDescription(VerificationError.StandardCode.GENERIC,
                    "The TamTam API at " + baseUrl + " is unavailable now (" + failure.getMessage()
                            + "): try again later")
                    .detail(VerificationError.HttpAttribute.HTTP_CODE, status).build();
        }
        return ResultErrorBuilder.withCodeAndDescription(VerificationError.StandardCode.ILLEGAL_PARAMETER_VALUE,
                baseUrl + " does not serve the TamTam API: GET /v2/credits failed (" + failure.getMessage() + ")")
                .parameterKey("baseUrl").detail(VerificationError.HttpAttribute.HTTP_CODE, status).build();
    }

    /**
     * The first number or boolean option given as text that is not one ({@code batchSize=abc}), named with its value;
     * null when there is none. (Binding such text would report a later, misleading check.)
     */
    private static VerificationError valueNotOfItsType(Map<String, Object> parameters) {
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            if (!(parameter.getValue() instanceof String text)) {
                continue;
            }
            Class<?> type;
            try {
                type = TamtamConfiguration.class.getDeclaredField(parameter.getKey()).getType();
            } catch (NoSuchFieldException e) {
                continue;
            }
            String value = text.strip();
            String expected = null;
            if (type == int.class || type == Integer.class) {
                expected = value.matches("[+-]?\\d{1,9}") ? null : "a whole number";
            } else if (type == double.class || type == Double.class) {
                expected = value.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?") ? null : "a number";
            } else if (type == boolean.class || type == Boolean.class) {
                expected = value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null : "true or false";
            }
            if (expected != null) {
                String shown =
                        parameter.getKey().toLowerCase(java.util.Locale.ROOT).contains("password") ? "xxxxxx" : text;
                return ResultErrorBuilder.withCodeAndDescription(VerificationError.StandardCode.ILLEGAL_PARAMETER_VALUE,
                        parameter.getKey() + "=" + shown + " is not " + expected).parameterKey(parameter.getKey())
                        .build();
            }
        }
        return null;
    }

    /** The component's options overridden by {@code parameters}. */
    private TamtamConfiguration configuration(Map<String, Object> parameters) throws Exception {
        TamtamConfiguration configuration = ((TamtamComponent) getComponent()).getConfiguration().copy();
        if (configuration.getOperation() == null) {
            configuration.setOperation(TamtamOperation.keyAccounts);
        }
        return setProperties(configuration, new HashMap<>(parameters));
    }
}
